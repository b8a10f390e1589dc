export * from './dto/funding.inputs.js';
export * from './entities/index.js';
export * from './funding.errors.js';
export * from './funding.loaders.js';
export * from './funding.models.js';
export * from './funding.module.js';
export * from './funding.service.js';
export * from './money.js';
