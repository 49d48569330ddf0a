package client

import (
	"io"
	"sync"
)

// Reply buffers come from a pool, so most calls read their reply without
// allocating. A buffer that must grow is copied and the old one zeroed,
// unlike io.ReadAll, which leaves old copies of population data behind.
// Every buffer is zeroed before it goes back to the pool or is dropped.
const (
	replyBufferSize    = 4 << 10  // holds a CALL_NIK reply of one record
	maxPooledReplySize = 64 << 10 // larger buffers are zeroed and dropped
)

var replyBuffers = sync.Pool{
	New: func() any {
		buf := make([]byte, 0, replyBufferSize)
		return &buf
	},
}

// readReply reads body into a pooled buffer, at most maxReplyBytes. The
// caller hands the buffer back with releaseReply. sizeHint is the
// Content-Length of the reply, or -1 when unknown.
func readReply(body io.Reader, sizeHint int64) ([]byte, error) {
	data := (*replyBuffers.Get().(*[]byte))[:0]
	if sizeHint >= 0 && sizeHint <= maxReplyBytes && int(sizeHint) >= cap(data) {
		// One byte more than announced, so that reading EOF needs no grow.
		data = growReply(data, int(sizeHint)+1)
	}

	limited := io.LimitReader(body, maxReplyBytes+1)
	for {
		if len(data) == cap(data) {
			data = growReply(data, 2*cap(data))
		}
		n, err := limited.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			releaseReply(data)
			return nil, err
		}
	}

	if len(data) > maxReplyBytes {
		releaseReply(data)
		return nil, errReplyTooLarge
	}
	return data, nil
}

// growReply returns a buffer of capacity size holding data, and zeroes
// data, which the caller no longer uses.
func growReply(data []byte, size int) []byte {
	grown := make([]byte, len(data), size)
	copy(grown, data)
	clear(data[:cap(data)])
	return grown
}

// releaseReply zeroes a buffer from readReply and returns it to the pool.
// A nil buffer is ignored.
func releaseReply(data []byte) {
	if cap(data) == 0 {
		return
	}
	data = data[:cap(data)]
	clear(data)
	if cap(data) > maxPooledReplySize {
		return
	}
	data = data[:0]
	replyBuffers.Put(&data)
}
