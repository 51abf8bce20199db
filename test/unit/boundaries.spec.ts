import { ESLint } from 'eslint';
import { resolve } from 'node:path';

/** The module map of ARCHITECTURE.md holds because lint fails the build when a context reaches into another. */
describe('context boundaries (lint rule)', () => {
  const eslint = new ESLint({ cwd: resolve(__dirname, '../..') });
  const lint = async (file: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '../..', file) });
    return result.messages.map((m) => m.ruleId ?? m.message);
  };

  it('a context importing another context internals or module fails', async () => {
    expect(
      await lint(
        'libs/fulfillment/src/x.ts',
        "import { OrdersModule } from '@tradehub/orders';\nexport const x = OrdersModule;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await lint(
        'libs/fulfillment/src/x.ts',
        "import { Order } from '../../orders/src/domain/order';\nexport const x = Order;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it("a context importing another context's contract passes", async () => {
    expect(
      await lint(
        'libs/fulfillment/src/x.ts',
        "import { OrderEvents } from '@tradehub/orders/contract';\nexport const x = OrderEvents;\n",
      ),
    ).toEqual([]);
  });

  it('the kernel stays free of Nest, and nothing outside the clock reads the system time', async () => {
    expect(
      await lint(
        'libs/kernel/src/x.ts',
        "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await lint('libs/orders/src/x.ts', 'export const x = new Date();\n')).toContain(
      'no-restricted-syntax',
    );
    expect(await lint('libs/orders/src/x.ts', 'export const x = Date.now();\n')).toContain(
      'no-restricted-syntax',
    );
  });
});
