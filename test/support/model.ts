import type { Resolution } from '../../shared/model/types';

/** A model without ids and import facts: what two imports of one text share. */
export function comparable(res: Resolution): unknown {
  return JSON.parse(
    JSON.stringify(res, (key, value) => (key === 'id' || key === 'footnoteId' || key === 'imported' ? undefined : value)),
  );
}
