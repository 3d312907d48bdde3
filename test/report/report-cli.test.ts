import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { testApp } from '../helpers/app.js';
import { formPost } from '../helpers/sign.js';

const QUESTIONS = ['What is the best pizza in Naples?', 'what is the best pizza in naples', 'Where are backups stored?', 'Insurance', 'HELP', 'STOP'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The log the real app writes for the questions, as a file's text. */
async function logOf(env: Record<string, string>): Promise<string> {
  const { app, logs } = await testApp(env);
  for (const [i, Body] of QUESTIONS.entries()) await formPost(app, '/sms', { Body, From: '+14155551567', MessageSid: `SM${i}` });
  return logs.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

function report(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], { cwd: projectRoot, input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run report', () => {
  it("turns the line's own log file into Markdown tables", async () => {
    const file = join(dir, 'line.log');
    await writeFile(file, await logOf({}));
    const { status, stdout } = report([file]);
    expect(status).toBe(0);
    expect(stdout).toContain(`From ${file}: `);
    expect(stdout).toMatch(/\| 1 \| What is the best pizza in Naples\? \| 2 \|/);
    expect(stdout).toMatch(/\| insurance \| 1 \|/);
    expect(stdout).toMatch(/\| opt-out \| 1 \|/);
  });

  it('reads standard input and prints CSV with --csv', async () => {
    const { status, stdout } = report(['--csv', '--only', 'apology'], await logOf({}));
    expect(status).toBe(0);
    expect(stdout.split('\r\n').slice(0, 2)).toEqual(['table,question,times,entry,score', expect.stringMatching(/^apology,What is the best pizza in Naples\?,2,/)]);
  });

  it('says there are no texts to report for a log written with LOG_UTTERANCES=false', async () => {
    const { status, stdout } = report(['-'], await logOf({ LOG_UTTERANCES: 'false' }));
    expect(status).toBe(0);
    expect(stdout).toContain('"no log" mode (LOG_UTTERANCES=false)');
    expect(stdout).not.toContain('pizza');
  });

  it('fails with a short message for a log file that does not exist', () => {
    const { status, stderr } = report([join(dir, 'missing.log')]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^cannot read the log: ENOENT/);
  });
});
