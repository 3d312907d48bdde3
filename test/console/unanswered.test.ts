import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { createTimeline } from '../../src/console/timeline.js';
import { testApp } from '../helpers/app.js';
import { formPost } from '../helpers/sign.js';

const HOSTILE = '<script>alert(1)</script> best pizza?';

describe('the apology rate over time', () => {
  it('counts questions and apologies per bucket, ignoring menus, small talk and opt-outs', () => {
    const timeline = createTimeline();
    timeline.add('2026-01-01T10:00:10Z', 'apology');
    timeline.add('2026-01-01T10:00:50Z', 'answered');
    timeline.add('2026-01-01T10:01:00Z', 'menu');
    timeline.add('2026-01-01T10:02:30Z', 'clarify');
    timeline.add('2026-01-01T10:02:31Z', 'opt-out');
    timeline.add(undefined, 'apology');
    expect(timeline.result()).toEqual({
      bucketMinutes: 1,
      points: [
        { start: '2026-01-01T10:00:00.000Z', questions: 2, apologies: 1 },
        { start: '2026-01-01T10:01:00.000Z', questions: 0, apologies: 0 },
        { start: '2026-01-01T10:02:00.000Z', questions: 1, apologies: 0 },
      ],
    });
  });

  it('widens the buckets so a day fits in at most 24 bars', () => {
    const timeline = createTimeline();
    timeline.add('2026-01-01T00:10:00Z', 'apology');
    timeline.add('2026-01-01T23:50:00Z', 'answered');
    const { bucketMinutes, points } = timeline.result(24);
    expect(bucketMinutes).toBe(60);
    expect(points).toHaveLength(24);
    expect(points[0]).toEqual({ start: '2026-01-01T00:00:00.000Z', questions: 1, apologies: 1 });
    expect(points[23]).toEqual({ start: '2026-01-01T23:00:00.000Z', questions: 1, apologies: 0 });
  });
});

describe('npm run report -- --html', () => {
  it("writes the console's Unanswered view for a log file: the chart and the questions, escaped, with no script", async () => {
    const { app, logs } = await testApp({});
    for (const [i, Body] of [HOSTILE, HOSTILE, 'Where are backups stored?', 'MENU'].entries()) await formPost(app, '/sms', { Body, From: '+14155551567', MessageSid: `SM${i}` });
    const log = logs.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--html', '-'], { cwd: projectRoot, input: log, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const page = run.stdout;
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('apology rate: <strong>66.7%</strong> (2 of 3)');
    expect(page).toContain('<svg class="chart"');
    expect(page).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt; best pizza?</td><td class="num">2</td>');
    expect(page).not.toContain('<script');
  });
});
