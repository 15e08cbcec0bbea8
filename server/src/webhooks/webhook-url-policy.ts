import { BlockList } from 'node:net';

/**
 * Where department webhooks may be sent. A supervisor types the URL, and the server then POSTs
 * application data to it, so the URL must not become a way into this machine or its cloud
 * metadata (SSRF). The operator decides with WEBHOOK_ALLOWED_ORIGINS (comma-separated origins,
 * e.g. `https://ltc.yibao.example.gov.cn,http://10.20.1.5:8080`): when set, only those origins.
 * Without it, any http(s) host except this machine and link-local addresses (literal ones;
 * a name is not resolved here, which is why a production server should set the list).
 * Department systems on the government network (10.x, 172.16–31.x, 192.168.x) are allowed.
 */
export interface WebhookUrlPolicy {
  allowedOrigins?: readonly string[] | undefined;
}

const LOCAL = new BlockList();
LOCAL.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
LOCAL.addSubnet('0.0.0.0', 8, 'ipv4'); // "this host"
LOCAL.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, cloud metadata (169.254.169.254)
LOCAL.addAddress('::1', 'ipv6');
LOCAL.addAddress('::', 'ipv6');
LOCAL.addSubnet('fe80::', 10, 'ipv6');
// The same IPv4 ranges written as IPv4-mapped IPv6 addresses.
LOCAL.addSubnet('::ffff:7f00:0', 104, 'ipv6');
LOCAL.addSubnet('::ffff:0:0', 104, 'ipv6');
LOCAL.addSubnet('::ffff:a9fe:0', 112, 'ipv6');

function isLocalHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  // The URL parser has already turned 2130706433 or 0x7f.1 into 127.0.0.1, and bracketed IPv6.
  if (hostname.startsWith('[')) return LOCAL.check(hostname.slice(1, -1), 'ipv6');
  return /^\d+\.\d+\.\d+\.\d+$/.test(hostname) && LOCAL.check(hostname, 'ipv4');
}

/** The origins of a comma-separated list, as URL.origin spells them (invalid entries throw). */
export function parseAllowedOrigins(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const origin = new URL(entry).origin;
      if (origin === 'null') throw new Error(`WEBHOOK_ALLOWED_ORIGINS: ${entry} is not an http(s) origin`);
      return origin;
    });
}

/** Why webhooks may not go to this URL, or null when they may. */
export function webhookUrlRefusal(url: string, policy: WebhookUrlPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'only http and https';
  if (parsed.username || parsed.password) return 'no user or password in the URL (the signature authenticates)';
  const allowed = policy.allowedOrigins;
  if (allowed && allowed.length > 0) return allowed.includes(parsed.origin) ? null : `${parsed.origin} is not in WEBHOOK_ALLOWED_ORIGINS`;
  if (isLocalHost(parsed.hostname)) return `${parsed.hostname} is this machine or link-local; list its origin in WEBHOOK_ALLOWED_ORIGINS to allow it`;
  return null;
}
