import { mapThuTuc } from '@dvc/platform/national-portal';
import { CatalogFeedStore } from './catalog-feed-store';

describe('simulated national catalog', () => {
  it('seeds valid LayThuTuc records and pages the list in code order', () => {
    const store = new CatalogFeedStore();
    const all = store.all();
    expect(all.length).toBe(10);
    for (const r of all) expect(mapThuTuc(r)).toMatchObject({ ok: true });
    const first = store.page(1, 4);
    const last = store.page(3, 4);
    expect(first.total).toBe(10);
    expect(first.items.map((i) => i['MATTHC'])).toEqual([...first.items.map((i) => String(i['MATTHC']))].sort());
    expect(last.items).toHaveLength(2);
    expect(Object.keys(first.items[0])).toEqual(['MATTHC', 'TENTTHC', 'NGAYCAPNHAT']);
  });

  it('publishes new content with a fresh NGAYCAPNHAT, and resets to the seed', () => {
    const store = new CatalogFeedStore();
    const before = store.get('1.001193')!;
    store.put('1.001193', { ...before, NGAYCAPNHAT: undefined, THOIGIANGIAIQUYET: 1 }, new Date('2026-01-02T03:04:05Z'));
    expect(store.get('1.001193')).toMatchObject({ THOIGIANGIAIQUYET: 1, NGAYCAPNHAT: '20260102100405' });
    expect(store.remove('1.001193')).toBe(true);
    store.reset();
    expect(store.get('1.001193')).toEqual(before);
  });
});
