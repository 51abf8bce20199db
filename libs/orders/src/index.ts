export { OrdersModule } from './orders.module';
export { ordersMigrations } from './database';
export * from './contract';
