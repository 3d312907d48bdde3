import { beforeAll, describe, expect, it } from 'vitest';
import { formPost } from '../helpers/sign.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { smsMessages } from '../helpers/twiml.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function text(body: string): Promise<string[]> {
  const res = await formPost(t.app, '/sms', { MessageSid: 'SM00000000000000000000000000000002', From: '+14155551567', Body: body });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/xml/);
  return smsMessages(res.text);
}

/** A question in each language, and the apology its texter reads (faq-data/languages.yaml). */
const ASKED: readonly (readonly [string, string, string])[] = [
  ['Russian', 'Где хранятся резервные копии Twilio?', 'Извините, я отвечаю только на вопросы на английском языке по Twilio FAQ. Пожалуйста, задайте вопрос по-английски.'],
  ['Spanish', '¿Tienen un plan de recuperación ante desastres?', 'Lo siento, solo puedo responder preguntas en inglés sobre las preguntas frecuentes de Twilio (Twilio FAQ). Por favor, haga su pregunta en inglés.'],
  ['Portuguese', 'Onde ficam os backups da Twilio?', 'Desculpe, só posso responder a perguntas em inglês sobre as perguntas frequentes da Twilio (Twilio FAQ). Por favor, faça sua pergunta em inglês.'],
  ['French', 'Où sont stockées les sauvegardes ?', "Désolé, je ne peux répondre qu'aux questions en anglais sur la FAQ de Twilio. Merci de poser votre question en anglais."],
  ['German', 'Wo werden die Backups gespeichert?', 'Entschuldigung, ich kann nur Fragen auf Englisch zu den Twilio-FAQ beantworten. Bitte stellen Sie Ihre Frage auf Englisch.'],
  ['Italian', 'Dove sono conservati i backup?', 'Mi dispiace, posso rispondere solo a domande in inglese sulle FAQ di Twilio. Per favore, fai la tua domanda in inglese.'],
  ['Chinese', 'Twilio的备份存储在哪里？', '抱歉，我只能用英语回答关于 Twilio 常见问题（Twilio FAQ）的问题。请用英语提问。'],
  ['Japanese', 'Twilioのバックアップはどこに保存されていますか？', '申し訳ありません。Twilio のよくある質問（Twilio FAQ）について、英語の質問にのみお答えできます。英語で質問してください。'],
  ['Arabic', 'أين يتم تخزين النسخ الاحتياطية؟', 'عذرًا، لا يمكنني الإجابة إلا عن الأسئلة باللغة الإنجليزية من الأسئلة الشائعة لـ Twilio (Twilio FAQ). يُرجى طرح سؤالك باللغة الإنجليزية.'],
  ['Hindi', 'Twilio का बैकअप कहाँ रखा जाता है?', 'क्षमा करें, मैं केवल Twilio FAQ से अंग्रेज़ी में पूछे गए सवालों के जवाब दे सकता हूँ। कृपया अपना सवाल अंग्रेज़ी में पूछें।'],
];

/** Every entry's answer, to check no reply is one of them. */
const answers = (): string[] => t.line.faq.entries.map((e) => e.answer);

describe('POST /sms in another language', () => {
  it.each(ASKED)('answers a question in %s with the apology in %s', async (_language, question, apology) => {
    const messages = await text(question);
    expect(messages).toEqual([apology]);
    for (const answer of answers()) expect(messages.join(' ')).not.toContain(answer.slice(0, 40));
  });

  it('answers a language without an apology of its own with the English one, not an FAQ answer', async () => {
    expect(await text('Waar worden mijn gegevens bewaard?')).toEqual([
      "Sorry, I can't answer that. I can only answer questions from the Twilio FAQ. Text MENU to see the topics.",
    ]);
  });

  it.each(['where r backups kept', 'DR plan pls', 'rto rpo', 'is aws multi tenant'])('still answers the English "%s" from the FAQ', async (question) => {
    const messages = await text(question);
    expect(answers().some((answer) => messages.join(' ').replace(/\s+/g, ' ').includes(answer.replace(/\s+/g, ' ').slice(0, 40)))).toBe(true);
  });
});
