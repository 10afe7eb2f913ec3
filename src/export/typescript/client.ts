import { tsDoc, tsString } from './escape';
import type { TsContext } from './context';

/**
 * One helper per client event, with the event's retry policy: the same request id and payload on
 * every attempt, and a result type in which a timeout after the last attempt is its own outcome.
 */

export const DEFAULT_TIMEOUT_MS = 1000;

export function clientSection(ctx: TsContext): string {
  const client = ctx.model.events.filter((e) => e.source === 'client');
  if (client.length === 0) return '';
  const helpers = client.map((e) => {
    const timeout = e.afterMs ?? DEFAULT_TIMEOUT_MS;
    const attempts = e.maxAttempts;
    const doc = tsDoc(
      `Sends ${e.name}: ${attempts === 1 ? 'one attempt' : `up to ${attempts} attempts`}, ${timeout} ms each.`,
      e.description,
    );
    const payloadParam = e.payload.length > 0 ? `, payload: EventOf<${tsString(e.name)}>["payload"]` : '';
    const event = e.payload.length > 0 ? `{ type: ${tsString(e.name)}, payload }` : `{ type: ${tsString(e.name)} }`;
    return `${doc}export function send${e.name}(transport: Transport, requestId: string${payloadParam}): Promise<ClientOutcome> {
  return withRetries(transport, { id: requestId, event: ${event} }, ${attempts}, ${timeout});
}`;
  });
  return `
/** A timeout is the third outcome: the client cannot tell a slow machine from a lost message. */
export type ClientOutcome = { readonly kind: "ok" } | { readonly kind: "error" } | { readonly kind: "ambiguous"; readonly attempts: number };

export interface Transport {
  /** Sends one attempt; resolves with the reply, or "timeout" when none came within \`timeoutMs\`. */
  send(request: Request, timeoutMs: number): Promise<Reply | "timeout">;
}

async function withRetries(transport: Transport, request: Request, maxAttempts: number, timeoutMs: number): Promise<ClientOutcome> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const result = await transport.send(request, timeoutMs);
    if (result !== "timeout") return { kind: result };
  }
  return { kind: "ambiguous", attempts: maxAttempts };
}

${helpers.join('\n\n')}
`;
}
