import { DenseTable } from '../src/dense-table.js';

describe('DenseTable: values by a dense id, emptied at its limit', () => {
  test('gives back what was set, and nothing for ids never set or beyond its end', () => {
    const table = new DenseTable<string>(10);
    table.set(3, 'trois');
    table.set(0, 'zéro');
    table.set(3, 'three');
    expect([table.get(0), table.get(1), table.get(3), table.get(4), table.get(1000)]).toEqual(['zéro', undefined, 'three', undefined, undefined]);
  });

  test('is emptied by the set that comes after its limit, then keeps the new value', () => {
    const table = new DenseTable<number>(2);
    table.set(0, 10);
    table.set(1, 11);
    expect([table.get(0), table.get(1)]).toEqual([10, 11]);
    table.set(2, 12);
    expect([table.get(0), table.get(1), table.get(2)]).toEqual([undefined, undefined, 12]);
  });

  test('clear drops every value', () => {
    const table = new DenseTable<number>(5);
    table.set(4, 1);
    table.clear();
    expect(table.get(4)).toBeUndefined();
  });
});
