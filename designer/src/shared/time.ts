import dayjs from 'dayjs';

/** A moment as every list and page shows it: to the minute, in the browser's zone. */
export const atMinute = (at: string | number): string => dayjs(at).format('YYYY-MM-DD HH:mm');
