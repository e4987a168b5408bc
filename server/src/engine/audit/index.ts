/** The port audit: an inventory of what a lint found open, and what a change opens or closes. */
export { buildInventory, type Exposure, type ExposureFinding, type ExposurePeer, type InventoryInput, type OwnerState } from './inventory';
export { CHANGE_KINDS, diffInventories, type ChangeKind, type ExposureChange } from './diff';
export { REACHES, type Reach } from './reach';
export { isOpenToInternet, portLabels, summarizeResources, topInternetPorts, type PortCount, type ResourceSummary } from './summary';
