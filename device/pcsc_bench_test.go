package device_test

import (
	"testing"
	"time"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/device/vcard"
)

// BenchmarkPCSCCardToNIK measures one card from the moment it is put into
// the vpcd reader to the parsed biodata: pcscd's detection, the
// CardInserted event and the whole read. Removal between iterations is not
// timed. detect-ms/op and read-ms/op split the time; detect-max-ms is the
// slowest detection, which is close to pcscd's polling interval.
func BenchmarkPCSCCardToNIK(b *testing.B) {
	startPCSCD(b)
	insertSAM(b)
	r := newPCSC(b)
	waitEvent(b, r.Events(), device.ServiceUp, eventTimeout)

	resident := vcard.Residents["andi"]
	card := vcard.NewCard(resident, vcard.ModeGenuine, vcard.CardOptions{})
	ctx, cancel := readTimeout()
	defer cancel()

	var detect, read, detectMax time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		remove := insert(b, card, vcard.DefaultCardPort, vcard.ServeOptions{})
		waitEvent(b, r.Events(), device.CardInserted, eventTimeout)
		detected := time.Now()

		c, err := r.ReadCard(ctx)
		if err != nil {
			b.Fatalf("read card: %v", err)
		}
		if c.Biodata.NIK != resident.NIK {
			b.Fatalf("read a NIK other than the card's")
		}
		c.Wipe()
		done := time.Now()

		detect += detected.Sub(start)
		read += done.Sub(detected)
		detectMax = max(detectMax, detected.Sub(start))

		b.StopTimer()
		remove()
		waitEvent(b, r.Events(), device.CardRemoved, eventTimeout)
		b.StartTimer()
	}
	b.ReportMetric(float64(detect.Milliseconds())/float64(b.N), "detect-ms/op")
	b.ReportMetric(float64(read.Microseconds())/1000/float64(b.N), "read-ms/op")
	b.ReportMetric(float64(detectMax.Milliseconds()), "detect-max-ms")
}
