// `node --import ./spec/angular/v20/register.mjs`: installs resolve.mjs for the whole process.
import { register } from 'node:module';

register('./resolve.mjs', import.meta.url);
