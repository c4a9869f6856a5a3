describe('toolchain', () => {
  it('runs ESM TypeScript tests', async () => {
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update('x').digest('hex')).toHaveLength(64);
  });
});
