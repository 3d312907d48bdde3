import { beforeAll, describe, expect, it } from 'vitest';
import { smsMessages } from '../../src/render/sms.js';
import { WORDS } from '../../src/render/voice-words.js';
import { ACCOUNT_SID, entry, FakeSender, TOKEN, voiceApp, type VoiceApp } from './app.js';
import { SimulatedCall } from './call.js';

let plain: VoiceApp;
beforeAll(async () => {
  plain = await voiceApp();
});

const dial = (t: VoiceApp = plain, from?: string) => SimulatedCall.dial(t.app, { token: TOKEN, ...(from ? { from } : {}) });

/** The spoken pages of an entry's answer, without (or with) the offer to text a long link. */
function pages(t: VoiceApp, id: string, texting = false): readonly (readonly string[])[] {
  return t.line.voice!.answer(entry(t.line, id), texting).pages;
}

describe('a call to the voice line', () => {
  it('greets with one example question and listens for speech or keys', async () => {
    const [call, heard] = await dial();
    expect(heard.text).toMatch(/^Hello, you've reached the Twilio F A Q line\./);
    expect(heard.text).toContain('for example: where are backups stored?');
    expect(heard.text).toContain('press 0');
    expect(heard.ended).toBe(false);
    expect(call.action).toBe('/voice/turn?t=0');
  });

  it('answers a spoken question, asks for another, and hangs up on "no"', async () => {
    const [call] = await dial();
    const answer = await call.say('what happens if aws goes completely down');
    expect(answer.says.slice(0, pages(plain, 'hard-down')[0]!.length)).toEqual(pages(plain, 'hard-down')[0]);
    expect(answer.text).toContain(WORDS.another);
    const bye = await call.say('No.');
    expect(bye.text).toBe('Goodbye! Thanks for contacting the Twilio F A Q line.');
    expect(bye.ended).toBe(true);
    expect(bye.twiml).toMatch(/<Hangup\/><\/Response>$/);
  });

  it.each(["that's all thank you", 'goodbye', 'bye', 'no thanks', "I'm done", 'nope that is it'])('hangs up politely on "%s"', async (words) => {
    const [call] = await dial();
    await call.say('do you have insurance');
    const heard = await call.say(words);
    expect(heard.ended).toBe(true);
    expect(heard.text).toMatch(/Goodbye/);
  });

  it('pages a long answer: part 1, then "continue", then key 1, until the whole spoken answer is heard', async () => {
    const [call] = await dial();
    const spoken = pages(plain, 'backup-zones');
    expect(spoken.length).toBe(3);
    const first = await call.say('where are backups stored');
    expect(first.text).toContain(spoken[0]!.join(' '));
    expect(first.text).toContain('That was part 1 of 3');
    const second = await call.say('continue');
    expect(second.text).toContain(spoken[1]!.join(' '));
    expect(second.text).toContain('That was part 2 of 3');
    const third = await call.press('1');
    expect(third.text).toContain(spoken[2]!.join(' '));
    expect(third.text).toContain(WORDS.another);
    expect([first, second, third].flatMap((h) => h.says).filter((s) => spoken.flat().includes(s))).toEqual(spoken.flat());
  });

  it('lets a caller ask something else instead of hearing the rest', async () => {
    const [call] = await dial();
    await call.say('where are backups stored');
    const other = await call.say('do you have insurance');
    expect(other.text).toContain(pages(plain, 'insurance')[0]![0]);
  });

  it('says each page within about 45 seconds of speech (55 at most) and each <Say> within 3,000 characters', () => {
    for (const e of plain.line.faq.entries) {
      for (const page of pages(plain, e.id)) {
        expect(page.join(' ').length / 15).toBeLessThanOrEqual(55);
        for (const say of page) expect(say.length).toBeLessThanOrEqual(3000);
      }
    }
  });

  it('repeats the last answer from its start on "repeat" or key *', async () => {
    const [call] = await dial();
    const first = await call.say('do you have insurance');
    const again = await call.say('can you repeat that');
    expect(again.says[0]).toBe(first.says[0]);
    expect((await call.press('*')).says[0]).toBe(first.says[0]);
  });

  it('greets, introduces itself and helps by voice', async () => {
    const [call] = await dial();
    expect((await call.say('hello')).text).toContain('I am a chatbot that can answer questions about Twilio');
    expect((await call.say('who are you')).text).toContain('I am a chatbot');
    const help = await call.say('help');
    expect(help.text).toContain('I answer questions from the Twilio F A Q');
    expect(help.text).toContain('press 0');
    expect((await call.say('thanks')).text).toContain("You're welcome");
  });
});

describe('trouble on a call', () => {
  it('reprompts a silent caller once with an example, then says goodbye and hangs up', async () => {
    const [call] = await dial();
    const reprompt = await call.silence();
    expect(reprompt.text).toContain(WORDS.stillThere);
    expect(reprompt.text).toContain('for example: where are backups stored?');
    expect(reprompt.ended).toBe(false);
    const gone = await call.silence();
    expect(gone.text).toBe(WORDS.silenceGoodbye);
    expect(gone.ended).toBe(true);
  });

  it('answers an empty transcript as silence', async () => {
    const [call] = await dial();
    expect((await call.say('', '0')).text).toContain(WORDS.stillThere);
  });

  it('apologises and reprompts twice for questions it cannot answer, then reads the keypad menu', async () => {
    const [call] = await dial();
    for (let i = 0; i < 2; i++) {
      const heard = await call.say('what is the best pizza topping in naples');
      expect(heard.text).toContain('I can only answer questions from the Twilio F A Q');
      expect(heard.text).toContain(WORDS.askAnother);
    }
    const menu = await call.say('who won the football last night');
    expect(menu.text).toContain('I can only answer questions from the Twilio F A Q');
    expect(menu.text).toContain(WORDS.topicsInstead);
    expect(menu.text).toContain('For Business Continuity and Disaster Recovery, press 1.');
  });

  it('treats a transcript below the confidence floor as not understood', async () => {
    const [call] = await dial();
    const heard = await call.say('where are backups stored', '0.1');
    expect(heard.text).toContain(WORDS.unclear);
    expect(heard.text).not.toContain(pages(plain, 'backup-zones')[0]![0]);
  });

  it('says a key does nothing when it does nothing', async () => {
    const [call] = await dial();
    expect((await call.press('7')).text).toContain(WORDS.badKey);
  });

  it('ends every call within the turn limit, whatever the caller keeps doing', async () => {
    const t = await voiceApp({ VOICE_MAX_TURNS: '5' });
    for (const act of [(c: SimulatedCall) => c.say('do you have insurance'), (c: SimulatedCall) => c.press('0'), (c: SimulatedCall) => c.say('covid'), (c: SimulatedCall) => c.say('yes')]) {
      const [call] = await SimulatedCall.dial(t.app, { token: TOKEN, maxRequests: 7 });
      let heard = await act(call);
      while (!heard.ended) heard = await act(call);
      expect(call.requests).toBeLessThanOrEqual(6);
      expect(heard.twiml).toMatch(/<Hangup\/><\/Response>$/);
      expect(heard.text).toMatch(/Goodbye\.$/);
    }
  });
});

describe('the keypad menu', () => {
  it('reads the topics on 0 or "menu", a topic\'s questions on its number, and an answer on a question\'s number', async () => {
    const [call] = await dial();
    const topics = await call.press('0');
    expect(topics.text).toContain('Here are the topics. For Business Continuity and Disaster Recovery, press 1. For Cloud Security, press 2.');
    const cloud = await call.press('2');
    expect(cloud.text).toMatch(/^Cloud Security\. For Downtime or Maintenance windows, press 1\. For Customer data isolation or multi-tenancy, press 2\./);
    const answer = await call.press('1');
    expect(answer.says[0]).toBe(pages(plain, 'maintenance-windows')[0]![0]);
    expect((await call.say('menu')).text).toContain('Here are the topics.');
  });

  it('takes a number said aloud in a menu', async () => {
    const [call] = await dial();
    await call.say('main menu');
    expect((await call.say('number two')).text).toMatch(/^Cloud Security\./);
    expect((await call.say('the first one')).says[0]).toBe(pages(plain, 'maintenance-windows')[0]![0]);
  });

  it('reaches every answer of the FAQ with keys alone', async () => {
    const reached = new Set<string>();
    for (const [t, topic] of plain.line.faq.topics.entries()) {
      for (const [i, e] of topic.entries.entries()) {
        const [call] = await dial();
        await call.press('0');
        await call.press(String(t + 1));
        for (let page = 0; page < Math.floor(i / 8); page++) await call.press('9');
        const heard = await call.press(String((i % 8) + 1));
        expect(heard.says[0]).toBe(pages(plain, e.id)[0]![0]);
        reached.add(e.id);
      }
    }
    expect([...reached].sort()).toEqual(plain.line.faq.entries.map((e) => e.id).sort());
  });

  it('re-reads a menu after a number that is not in it', async () => {
    const [call] = await dial();
    await call.press('0');
    const again = await call.press('7');
    expect(again.text).toContain(WORDS.badMenuKey);
    expect(again.text).toContain('Here are the topics.');
  });
});

describe('"text me that"', () => {
  const rest = { TWILIO_ACCOUNT_SID: ACCOUNT_SID };

  it('texts the full written answer, links included and split like SMS replies, from the number called', async () => {
    const sender = new FakeSender();
    const t = await voiceApp(rest, sender);
    const [call] = await dial(t);
    const answer = await call.say('where can i download your business continuity plan');
    expect(answer.text).toContain('a link on drive dot google dot com that I can text to you');
    expect(answer.text).toContain(WORDS.textOffer);
    const texted = await call.say('text me that');
    expect(texted.text).toContain(WORDS.texted);
    expect(sender.sent).toEqual(smsMessages([entry(t.line, 'business-continuity-plan').answer]).map((body) => ({ to: '+14155551567', from: '+18005551212', body })));
    expect(sender.sent[0]!.body).toContain('https://drive.google.com/file/d/1OV58HkarfgxgSuOK4eCUC7HDWe59N9ia/view');
  });

  it('texts on key 2, a long answer in several numbered parts', async () => {
    const sender = new FakeSender();
    const t = await voiceApp(rest, sender);
    const [call] = await dial(t);
    await call.say('covid');
    const texted = await call.press('2');
    expect(texted.text).toContain(WORDS.texted);
    expect(texted.text).toContain('That was part 1 of'); // the rest of the paged answer is still on offer
    expect(sender.sent.length).toBe(2);
    expect(sender.sent[0]!.body).toMatch(/\(1\/2\)$/);
  });

  it('sends at most three texts a call', async () => {
    const sender = new FakeSender();
    const t = await voiceApp(rest, sender);
    const [call] = await dial(t);
    await call.say('do you have insurance');
    for (let i = 0; i < 3; i++) expect((await call.say('text me that')).text).toContain(WORDS.texted);
    expect((await call.say('text me that')).text).toContain(WORDS.textLimit);
    expect(sender.sent.length).toBe(3);
  });

  it('logs a REST failure, apologises and goes on with the call', async () => {
    const sender = new FakeSender();
    sender.failing = true;
    const t = await voiceApp(rest, sender);
    const [call] = await dial(t);
    await call.say('do you have insurance');
    const heard = await call.press('2');
    expect(heard.text).toContain(WORDS.textFailed);
    expect(heard.ended).toBe(false);
    expect(t.logs.some((l) => l.level === 50 && l.msg === 'could not text the answer')).toBe(true);
    expect((await call.say('outages')).says[0]).toBe(pages(t, 'outages', true)[0]![0]);
  });

  it('is not offered without REST credentials, and says so when asked', async () => {
    const [call] = await dial();
    const answer = await call.say('where can i download your business continuity plan');
    expect(answer.text).not.toContain('text');
    expect(answer.text).toContain('a link on drive dot google dot com too long to read out');
    expect((await call.say('text me that')).text).toContain(WORDS.noTexting);
    expect((await call.press('2')).text).toContain(WORDS.badKey);
  });

  it('is not offered to a caller who has no phone number (a browser client)', async () => {
    const t = await voiceApp(rest, new FakeSender());
    const [call] = await dial(t, 'client:alice');
    expect((await call.say('do you have insurance')).text).not.toContain(WORDS.textOffer);
  });
});
