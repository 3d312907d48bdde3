/**
 * The cookies Twilio keeps for a conversation: it sends back what the line set, per host, for the
 * messages of one SMS conversation (up to four hours) and the requests of one call.
 * Path, Domain and Secure are not modelled: every cookie belongs to the host that set it.
 */
export class CookieJar {
  readonly #byHost = new Map<string, Map<string, string>>();

  /** Remember the Set-Cookie headers of a response from `url`. */
  store(url: string, setCookies: readonly string[], now: Date = new Date()): void {
    const host = new URL(url).host;
    const jar = this.#byHost.get(host) ?? new Map<string, string>();
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (isExpired(attributes, now)) jar.delete(name);
      else jar.set(name, value);
    }
    this.#byHost.set(host, jar);
  }

  /** The Cookie header for a request to `url`, or undefined when there is nothing to send. */
  header(url: string): string | undefined {
    const jar = this.#byHost.get(new URL(url).host);
    if (!jar || jar.size === 0) return undefined;
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function isExpired(attributes: readonly string[], now: Date): boolean {
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=').map((s) => s.trim());
    if (key.toLowerCase() === 'max-age' && Number(value) <= 0) return true;
    if (key.toLowerCase() === 'expires' && Date.parse(value) <= now.getTime()) return true;
  }
  return false;
}
