/**
 * A script is one turn a line: a text message (chat) or what the caller does at each <Gather>
 * (call: words are speech, "press 1#" keys, "silence", "hangup"). Blank lines and lines starting
 * with "#" are skipped; to press # as the first key, write "press #".
 */
export function parseScript(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
