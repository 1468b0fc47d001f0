/** The longest time limit a hand-off may be given, in working days. */
export const TRANSFER_DAYS_MAX = 60;
