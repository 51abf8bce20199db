export * from './directory-ids';
export * from './directory.errors';
export * from './organisation';
export * from './staff';
