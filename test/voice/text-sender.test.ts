import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restCredentials } from '../../src/channels/text-sender.js';
import { projectRoot } from '../../src/config.js';

const SID = `AC${'1'.repeat(32)}`;
const KEY = `SK${'2'.repeat(32)}`;
const none = { twilioAccountSid: undefined, twilioAuthToken: undefined, twilioApiKey: undefined, twilioApiSecret: undefined };

describe('REST credentials for "text me that"', () => {
  it('prefer an API key and secret, with the account SID', () => {
    expect(restCredentials({ ...none, twilioAccountSid: SID, twilioAuthToken: 'tok', twilioApiKey: KEY, twilioApiSecret: 'sec' })).toEqual({ accountSid: SID, username: KEY, password: 'sec' });
  });

  it('fall back to the account SID and auth token', () => {
    expect(restCredentials({ ...none, twilioAccountSid: SID, twilioAuthToken: 'tok' })).toEqual({ accountSid: SID, username: SID, password: 'tok' });
  });

  it('are absent without an account SID, so texting is not offered', () => {
    expect(restCredentials({ ...none, twilioAuthToken: 'tok' })).toBeUndefined();
    expect(restCredentials({ ...none, twilioAccountSid: SID })).toBeUndefined();
  });

  it("load the twilio package's REST client only on the first text: nothing in src/ imports it statically", () => {
    const files = (readdirSync(join(projectRoot, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /^\s*import\s[^;]*from\s+['"]twilio['"]/m.test(readFileSync(join(projectRoot, 'src', f), 'utf8')));
    expect(offenders).toEqual([]);
    expect(readFileSync(join(projectRoot, 'src', 'channels', 'text-sender.ts'), 'utf8')).toContain("await import('twilio')");
  });
});
