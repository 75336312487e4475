/** Slot search and booking entitlements: pure functions over half-open intervals of instants. */
export * from './bookableHours.js';
export * from './busyTime.js';
export * from './entitlementLeft.js';
export * from './entitlementPeriod.js';
export * from './findSlots.js';
export * from './instant.js';
export * from '../interval.js';
export * from './slotGrid.js';
