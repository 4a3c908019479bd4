/**
 * Traffic checkpoints (卡口): the four-code decision per traveller (travel record, health status,
 * self-drive companion registration, recent negative test), every passage recorded, daily counts,
 * and point-to-point transfers (点对点转运) closed by handover receipts at both ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Checkpoints")
package org.pingji.checkpoint;
