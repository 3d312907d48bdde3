/**
 * The ceiling the line is compared with: Express on the same machine, parsing the same form body
 * with express.urlencoded() and answering a fixed TwiML string. No signature check, no
 * understanding, no log. Run by bare.bench.ts in its own process.
 */
import { createServer } from 'node:http';
import express from 'express';

const TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Twilio is a cloud-communication platform hosted on AWS. ' +
  'Backups are encrypted and stored in multiple fault-independent regions, and restored from there when needed.</Message></Response>';

const app = express();
app.disable('x-powered-by');
app.post('/{*path}', express.urlencoded({ extended: false, limit: '64kb' }), (_req, res) => {
  res.type('text/xml').send(TWIML);
});
const server = createServer(app).listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
