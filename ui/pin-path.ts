/** The pin drawn beside a pinned account's name, in the popup's rows and its first paint. */
export const PIN_PATH =
  'M9.8 1.2 14.8 6.2 13.4 6.9 10.9 9.4 10.6 13 9.2 14.4 6.2 11.4 2.6 15 1 15 1 13.4 4.6 9.8 1.6 6.8 3 5.4 6.6 5.1 9.1 2.6Z';
