export const staffRoles = [
  'reception',
  'counsellor',
  'partner_coordinator',
  'manager',
  'network_admin',
] as const
export type StaffRole = (typeof staffRoles)[number]

/** Pictograms an area can carry; each has a drawing in the client's design system. */
export const pictograms = [
  'compass',
  'briefcase',
  'graduation',
  'route',
  'lightbulb',
  'globe',
  'chat',
  'document',
  'people',
  'heart',
  'tools',
  'star',
] as const
export type Pictogram = (typeof pictograms)[number]

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const
