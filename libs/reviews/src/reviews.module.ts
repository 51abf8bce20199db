import { Module } from '@nestjs/common';

/** Reviews: buyer reviews, replies, DSR and positive rate (REV-*). */
@Module({})
export class ReviewsModule {}
