export { StoreDirectory, storeDirectoryReaction, type StoreOwner } from './store-directory';
export { directoryMigrations } from './directory.migration';
