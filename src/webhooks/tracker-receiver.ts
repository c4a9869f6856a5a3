export type { DeliveryContext, TrackerReceiver } from '../trackers/tracker-receiver.js';
