import { charged, openAccount, type PaymentService, type ServiceContext } from './service';

/**
 * The fixed payment service: the idempotency key is written in the same transaction as the
 * charge, and the ok goes out only after that transaction commits.
 */
export async function startFixedService(context: ServiceContext): Promise<PaymentService> {
  const { store, reply, log } = context;
  let account = await openAccount(context);
  return {
    account: () => account,
    async handle(request) {
      const { id } = request;
      log({ type: 'received', id, event: 'Charge', payload: request.event.payload });
      const cached = await store.getReply(id);
      if (cached === 'ok' || cached === 'error') {
        reply(id, cached);
        log({ type: 'replied', id, reply: cached });
        return;
      }
      const next = charged(account, request.event.payload.amount);
      await store.commit(next, { requestId: id, reply: 'ok' });
      log({ type: 'persisted', id });
      account = next;
      reply(id, 'ok');
      log({ type: 'replied', id, reply: 'ok' });
    },
  };
}
