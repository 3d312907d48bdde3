import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { FaqFile, FaqFileEntry } from '../faq/schema.js';

/** What an import changes of the entries, the only part of the main file it touches. */
type Entries = FaqFile['entries'];

const WRITE = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * The main file's text with its entries made `entries`: each kept entry edited in place (only the
 * fields whose value changed), new entries added, removed ones dropped, in the new order. Comments,
 * blank lines, quoting and every other field stay as the editor left them; with nothing to change,
 * the text comes back as it was. `phrasings` adds `phrasings: []` to a new entry, for an FAQ that keeps
 * its phrasings in the main file.
 */
export function updateEntries(text: string, entries: Entries, options: { readonly phrasings: boolean }): string {
  const doc = parseDocument(text);
  const seq = doc.get('entries', true);
  if (!isSeq(seq)) {
    doc.set('entries', entries.map((e) => newEntry(e, options.phrasings)));
    return doc.toString(WRITE);
  }
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items) if (isMap(item) && typeof item.get('id') === 'string') byId.set(item.get('id') as string, item);
  let changed = entries.length !== seq.items.length;
  const items = entries.map((entry, i) => {
    const node = byId.get(entry.id);
    if (!node) {
      changed = true;
      return doc.createNode(newEntry(entry, options.phrasings));
    }
    if (seq.items[i] !== node) changed = true;
    if (editEntry(doc, node, entry)) changed = true;
    return node;
  });
  if (!changed) return text;
  seq.items = items;
  return doc.toString(WRITE);
}

function newEntry(e: FaqFileEntry, phrasings: boolean): Record<string, unknown> {
  return { id: e.id, topic: e.topic, question: e.question, ...(e.also.length ? { also: e.also } : {}), answer: e.answer, ...(phrasings ? { phrasings: [] } : {}) };
}

/** Set the fields of one entry's node that differ; true when one did. */
function editEntry(doc: Document, node: YAMLMap, entry: FaqFileEntry): boolean {
  let changed = false;
  for (const field of ['topic', 'question', 'answer'] as const) {
    if (node.get(field) !== entry[field]) {
      node.set(field, entry[field]);
      changed = true;
    }
  }
  const also = node.get('also', true);
  const before = also && typeof (also as { toJSON?: unknown }).toJSON === 'function' ? JSON.stringify((also as { toJSON: () => unknown }).toJSON()) : JSON.stringify([]);
  if (before !== JSON.stringify(entry.also)) {
    changed = true;
    if (!entry.also.length) node.delete('also');
    else if (also) node.set('also', doc.createNode(entry.also));
    else {
      // a new `also` goes right after the question, where an editor would write it
      const at = node.items.findIndex((pair) => String((pair.key as { value?: unknown } | null)?.value) === 'question');
      node.items.splice(at + 1, 0, doc.createPair('also', entry.also));
    }
  }
  return changed;
}

/** phrasings.yaml's text without the phrasings of `ids` (entries an import removed); the rest as it was. */
export function removePhrasings(text: string, ids: readonly string[]): string {
  const doc = parseDocument(text);
  let changed = false;
  for (const id of ids) if (doc.deleteIn(['entries', id])) changed = true;
  return changed ? doc.toString(WRITE) : text;
}
