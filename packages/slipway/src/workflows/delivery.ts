import { resolveDelivery } from '../config/resolve/delivery.js';
import type { AppModel, DeliveryModel } from '../model/types.js';

/** The model's delivery settings; a model built by hand without them gets the defaults. */
export function deliveryOf(model: AppModel): DeliveryModel {
  return model.delivery ?? resolveDelivery(undefined, {}, model.environments);
}
