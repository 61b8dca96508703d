import { Module, type DynamicModule } from '@nestjs/common';
import { ChatController, RELAY_OPTIONS, type RelayOptions } from './chat.controller.ts';

/** The relay app: `AppModule.forRoot(options)`. */
@Module({})
export class AppModule {
  static forRoot(options: RelayOptions): DynamicModule {
    return {
      module: AppModule,
      controllers: [ChatController],
      providers: [{ provide: RELAY_OPTIONS, useValue: options }],
    };
  }
}
