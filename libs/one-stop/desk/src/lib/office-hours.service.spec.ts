import { officeHoursErrors } from './office-hours.service';

const ok = { morning: { start: '07:00', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } };

describe('officeHoursErrors', () => {
  it('accepts valid sessions, with or without Saturday-morning reception, and touching sessions', () => {
    expect(officeHoursErrors(ok)).toEqual([]);
    expect(officeHoursErrors({ ...ok, saturdayMorning: { start: '07:30', end: '11:30' } })).toEqual([]);
    expect(officeHoursErrors({ ...ok, saturdayMorning: null })).toEqual([]);
    expect(
      officeHoursErrors({
        morning: { start: '08:00', end: '12:00' },
        afternoon: { start: '12:00', end: '16:00' },
      }),
    ).toEqual([]);
  });

  it('names the field of a malformed or reversed time in Vietnamese', () => {
    expect(officeHoursErrors({ ...ok, morning: { start: '7:00', end: '25:00' } })).toEqual([
      { field: 'morning.start', message: 'Giờ buổi sáng theo định dạng HH:mm (vd. 07:30)' },
      { field: 'morning.end', message: 'Giờ buổi sáng theo định dạng HH:mm (vd. 07:30)' },
    ]);
    expect(officeHoursErrors({ ...ok, afternoon: { start: '17:00', end: '13:30' } })).toEqual([
      { field: 'afternoon.end', message: 'Giờ kết thúc buổi chiều phải sau giờ bắt đầu' },
    ]);
    expect(officeHoursErrors({ ...ok, saturdayMorning: { start: '09:00', end: '09:00' } })).toEqual([
      { field: 'saturdayMorning.end', message: 'Giờ kết thúc sáng thứ Bảy phải sau giờ bắt đầu' },
    ]);
  });

  it('refuses an afternoon that starts before the morning ends, and a Saturday session after noon', () => {
    expect(officeHoursErrors({ ...ok, morning: { start: '07:00', end: '14:00' } })).toEqual([
      {
        field: 'afternoon.start',
        message: 'Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc (hai buổi không được chồng lấn)',
      },
    ]);
    expect(officeHoursErrors({ ...ok, saturdayMorning: { start: '08:00', end: '12:30' } })).toEqual([
      {
        field: 'saturdayMorning.end',
        message: 'Tiếp nhận thứ Bảy chỉ trong buổi sáng (kết thúc trước 12:00)',
      },
    ]);
  });
});
