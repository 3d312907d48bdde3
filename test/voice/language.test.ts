import { beforeAll, describe, expect, it } from 'vitest';
import { WORDS } from '../../src/render/voice-words.js';
import { TOKEN, voiceApp, type VoiceApp } from './app.js';
import { allSays, parseVoiceTwiml, SimulatedCall } from './call.js';

let t: VoiceApp;
beforeAll(async () => {
  t = await voiceApp();
});

describe('a call in another language', () => {
  it('hears the apology in Spanish, in a Spanish voice, then the usual reprompt', async () => {
    const [call] = await SimulatedCall.dial(t.app, { token: TOKEN });
    const heard = await call.say('¿Dónde se guardan las copias de seguridad de Twilio?');
    const apology = 'Lo siento, solo puedo responder preguntas en inglés sobre las preguntas frecuentes de Twilio (Twilio FAQ). Por favor, haga su pregunta en inglés.';
    expect(heard.says).toEqual([apology, WORDS.askAnother]);
    const gather = parseVoiceTwiml(heard.twiml).find((v) => v.name === 'Gather');
    const [said, reprompt] = gather?.children.filter((v) => v.name === 'Say') ?? [];
    expect(said?.text).toBe(apology);
    expect(said?.attrs).toMatchObject({ voice: 'Polly.Lucia', language: 'es-ES' });
    expect(reprompt?.attrs.language).toBe('en-US');
    expect(heard.ended).toBe(false);
  });

  it('hears the apology in Russian for a Russian question with an English word in it, never an answer', async () => {
    const [call] = await SimulatedCall.dial(t.app, { token: TOKEN });
    const heard = await call.say('где хранятся backup данные');
    expect(heard.says[0]).toBe('Извините, я отвечаю только на вопросы на английском языке по Twilio FAQ. Пожалуйста, задайте вопрос по-английски.');
    expect(allSays(parseVoiceTwiml(heard.twiml))).toHaveLength(2);
  });

  it('still answers an English question after one in another language', async () => {
    const [call] = await SimulatedCall.dial(t.app, { token: TOKEN });
    await call.say('Wo werden die Backups gespeichert?');
    const heard = await call.say('where are backups stored');
    expect(heard.text).toContain('Backups are located in');
  });
});
