/**
 * Audio decoding and signal processing shared by import (checking clips), the runtime (features for a model) and
 * the label view (waveform, spectrogram, playback): a strict RIFF/WAV reader of our own, FLAC, MP3 and Ogg Vorbis
 * through pure-Java decoders (ADR 0016), band-limited resampling and log-mel spectra. No JavaFX, no ONNX here.
 */
package org.querent.common.audio;
