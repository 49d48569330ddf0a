package client

import (
	"testing"
	"time"
)

func TestQuotaGuardRestoreToday(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.Local)
	g := NewQuotaGuard(nil, nil, 1000, func() time.Time { return now })

	g.Restore(now.AddDate(0, 0, -1), 900) // yesterday's count does not apply
	if used := g.Status().Used; used != 0 {
		t.Errorf("Used after restoring yesterday = %d, want 0", used)
	}

	g.Restore(now.Add(-2*time.Hour), 812)
	st := g.Status()
	if st.Used != 812 || !st.Warn || st.Exhausted {
		t.Errorf("after restoring 812 of 1000: %+v, want Used 812, Warn, not Exhausted", st)
	}
}
