// The console's browser script: the Text and Call tabs. Served by the line from dist (npm run build).
import { startCall } from './call.js';
import { startText } from './text.js';

const tab = document.body.dataset.tab;
if (tab === 'text') startText();
else if (tab === 'call') startCall();
