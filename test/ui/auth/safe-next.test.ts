import { safeNext } from '../../../src/ui/auth/safe-next.js';

describe('where sign-in sends someone afterwards', () => {
  it('keeps a page of the web app, with its query', () => {
    expect(safeNext('/ui/waivers?status=active')).toBe('/ui/waivers?status=active');
  });

  it.each([
    ['another site', 'https://evil.example/ui/board'],
    ['a protocol-relative URL', '//evil.example/ui/'],
    ['a backslash some browsers read as a slash', '/ui/\\evil.example'],
    ['a path leaving /ui by dot segments', '/ui/../api/v1/tokens'],
    ['a path outside /ui', '/api/v1/tokens'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a control character', '/ui/board\n//evil.example'],
    ['the sign-in pages themselves', '/ui/login?next=/ui/board'],
    ['nothing', undefined],
    ['a list (next given twice)', ['/ui/board', '//evil.example']],
  ])('sends %s to the board', (_case, next) => {
    expect(safeNext(next)).toBe('/ui/board');
  });
});
