package client

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

func TestReadReplySizes(t *testing.T) {
	for _, size := range []int{0, 1, replyBufferSize - 1, replyBufferSize, replyBufferSize + 1, maxPooledReplySize + 3, maxReplyBytes} {
		want := bytes.Repeat([]byte("0123456789"), size/10+1)[:size]
		for _, hint := range []int64{-1, int64(size)} {
			// OneByteReader makes every read short, as on a slow network.
			got, err := readReply(iotest.OneByteReader(bytes.NewReader(want)), hint)
			if err != nil {
				t.Fatalf("size %d, hint %d: %v", size, hint, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("size %d, hint %d: read %d bytes that differ from the body", size, hint, len(got))
			}
			releaseReply(got)
		}
	}
}

func TestReadReplyTooLarge(t *testing.T) {
	body := bytes.NewReader(make([]byte, maxReplyBytes+1))
	if _, err := readReply(body, -1); !errors.Is(err, errReplyTooLarge) {
		t.Errorf("error = %v, want errReplyTooLarge", err)
	}
}

func TestReadReplyWrongContentLength(t *testing.T) {
	want := []byte(`{"content":[]}`)
	got, err := readReply(bytes.NewReader(want), 4)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
	releaseReply(got)
}

func TestReadReplyError(t *testing.T) {
	failing := io.MultiReader(bytes.NewReader([]byte("partial")), iotest.ErrReader(io.ErrUnexpectedEOF))
	got, err := readReply(failing, -1)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("error = %v, want io.ErrUnexpectedEOF", err)
	}
	if got != nil {
		t.Errorf("returned %d bytes with the error", len(got))
	}
}

func TestReleaseReplyZeroes(t *testing.T) {
	reply, err := readReply(bytes.NewReader([]byte("3313041205780003")), -1)
	if err != nil {
		t.Fatal(err)
	}
	whole := reply[:cap(reply)]
	releaseReply(reply)
	if i := bytes.IndexFunc(whole, func(r rune) bool { return r != 0 }); i >= 0 {
		t.Errorf("byte %d of the released buffer is not zero", i)
	}
}

func TestGrowReplyZeroesOld(t *testing.T) {
	old := append(make([]byte, 0, 8), "33130412"...)
	grown := growReply(old, 16)
	if string(grown) != "33130412" || cap(grown) != 16 {
		t.Errorf("grown = %q with capacity %d", grown, cap(grown))
	}
	if !bytes.Equal(old, make([]byte, 8)) {
		t.Errorf("old buffer = %q, want zeros", old)
	}
}
