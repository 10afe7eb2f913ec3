import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

// The two lessons written from the docs alone open from the gallery and check in the studio as
// on the command line: two leaders of term 1 at depth 8 (the vote kept in memory), and a charge
// for nothing at depth 4 (a charge timeout cancelled without a refund).
test('the Raft election and the order saga open from the gallery and break where the command line says', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Raft election: the vote kept in memory');
  await expect(page.getByRole('note', { name: 'Lesson' })).toContainText('votes twice in one term');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Violation: 1 shortest trace at depth 8.', { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('one leader per term');
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('(a = Node[1], b = Node[3])');

  await run.openExample('Order saga: a charge timeout taken for no charge');
  await expect(page.getByRole('note', { name: 'Lesson' })).toContainText('charged for nothing');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Violation: 1 shortest trace at depth 4.', { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('no charge without goods or refund');
});
