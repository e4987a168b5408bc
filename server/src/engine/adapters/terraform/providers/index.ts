import type { ProviderResources } from '../resource';
import { aws } from './aws';

/** Every provider the Terraform adapter reads; one line each. */
export const providers: readonly ProviderResources[] = [aws];
