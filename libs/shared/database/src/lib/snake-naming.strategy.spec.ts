import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const s = new SnakeNamingStrategy();
  it('names tables and columns in snake_case', () => {
    expect(s.tableName('ProcedureVersion', undefined)).toBe('procedure_version');
    expect(s.columnName('publishedAt', undefined, [])).toBe('published_at');
    expect(s.columnName('timeLimitDays', 'tl_days', [])).toBe('tl_days');
    expect(s.joinColumnName('ownerAgency', 'id')).toBe('owner_agency_id');
  });
});
