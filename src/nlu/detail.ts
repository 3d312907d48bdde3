/**
 * The kind of detail a question asks for (an amount, a count, a date, a person's or company's name,
 * an email address, a phone number, a percentage, how often, exactly where), and whether an answer contains one. When the
 * matched answer does not contain the detail asked for, the FAQ does not give it: the line declines
 * rather than answer as if it did ("what's the dollar limit on your cyber insurance").
 */

export type Detail = 'amount' | 'count' | 'date' | 'name' | 'email' | 'phone' | 'percent' | 'frequency' | 'place';

/** Question forms, in general English, on cleaned lower-case text. */
const ASKS: readonly [Detail, RegExp][] = [
  ['amount', /\bhow much\b(?!.*\b(?:data|downtime|detail|info|information)\b)|\b(?:price|prices|pricing|cost|costs|fee|fees|dollars?|usd|premium|deductible|payout)\b|\$|\b(?:coverage|policy|liability) (?:limit|amount)s?\b|\b(?:limit|amount|value) (?:of|on) (?:the |your |twilio's )?(?:[a-z]+ )?(?:insurance|coverage|policy)\b/],
  ['count', /\bhow many\b|\b(?:number|count) of (?!.*\bcalls?\b)|\bpolicy (?:number|no)\b/],
  ['date', /\b(?:what|which) (?:date|day|year|month)\b|\bwhat time\b|\bwhen (?:was|were|did)\b|\bwhen (?:is|will) (?:the )?next\b|\bwhen will\b|\bwhen does (?:.* )?(?:end|start|begin|expire|finish)\b|\blast (?:updated|reviewed|tested|audited)\b/],
  [
    'name',
    /\bwho (?:is|are|was|were)? ?(?:the |your |twilio's )?(?:[a-z]+ )?(?:ceo|cto|ciso|cso|cio|founders?|head|heads|leader|owner|underwriters?|insurers?|carriers?|brokers?|auditors?|manager|officer|lead|director|vendor)\b|\bwho (?:underwrites|insures|provides|audits|runs|leads|heads|owns|signed|wrote|approves|manages)\b|\bnames? of (?:the |your )?(?:insurer|underwriter|carrier|broker|auditor|ceo|ciso|person|contact|provider|company)\b|\b(?:underwriter|insurer|broker)s?\b|\binsurance (?:company|provider|carrier)\b/,
  ],
  ['email', /\be-?mail\b|\bemail address\b/],
  ['phone', /\b(?:phone|telephone|contact|hotline|fax) (?:number|no|#)\b|\bnumber (?:to|i can) call\b|\bhotline\b/],
  ['percent', /\bpercent\b|\bpercentage\b|%/],
  ['frequency', /\bhow (?:often|frequently|regularly)\b|\b(?:hourly|daily|weekly|monthly) or (?:hourly|daily|weekly|monthly|yearly)\b/],
  ['place', /\b(?:which|what) (?:city|town|street|building|floor)\b|\b(?:street|mailing|postal|office|physical) address\b|\baddress of (?:the |your |twilio's )?(?:[a-z]+ )*?(?:office|headquarters|hq|building)\b/],
];

/** The details a question asks for (usually none). */
export function detailsAsked(cleaned: string): Detail[] {
  return ASKS.filter(([, pattern]) => pattern.test(cleaned)).map(([d]) => d);
}

/** Entity types of wink-nlp's named-entity recogniser, by the detail they give. */
const ENTITY_DETAIL: Readonly<Record<string, Detail>> = {
  MONEY: 'amount',
  CARDINAL: 'count',
  DATE: 'date',
  EMAIL: 'email',
  PHONE: 'phone',
  PERCENT: 'percent',
};

/**
 * The details an answer contains, from its named entities (wink-nlp). wink-nlp's English model
 * recognises no person or company names, so an answer is never taken to give one: "who underwrites
 * your policy" is declined unless the FAQ grows an entry whose phrasings ask exactly that.
 */
export function detailsGiven(entityTypes: readonly string[], answer = ''): Set<Detail> {
  const given = new Set<Detail>();
  // No entity type says how often or where exactly; the answer's own words do.
  const text = answer.toLowerCase();
  if (/\b(?:hourly|daily|weekly|monthly|quarterly|annually|yearly|every (?:hour|day|week|month|year)|frequency|frequently|regularly|regular|periodic|periodically|routinely|continuously)\b/.test(text)) given.add('frequency');
  if (/\b(?:city|street|avenue|suite|floor|zip|postcode)\b/.test(text)) given.add('place');
  for (const t of entityTypes) {
    const d = ENTITY_DETAIL[t];
    if (d) given.add(d);
  }
  return given;
}
