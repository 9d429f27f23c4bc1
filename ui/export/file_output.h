#pragma once
// Every file the app writes for the user (exported pictures, GIFs and tables, saved demos, the
// --screenshot) goes through core's writeFileAtomically (shufflescope/base/atomic_file.h): written
// to a temporary file beside the target and renamed over it once complete, so a failed export
// never leaves half a file, and the previous file stays as it was. A symbolic link is followed to
// the file it names; a folder, a named pipe or a device at the path is refused.
//
// QSaveFile would give the all-or-nothing part too, and it follows a symbolic link to the file it
// names, but (Qt 6.4.2, tried) it renames its temporary over a named pipe at the path, and over a
// device that a link points to (as root, a link to /dev/null made /dev/null a regular file). One
// writer for the engine and the app also means one set of messages. The settings are QSettings:
// Qt writes its INI file through QSaveFile with the direct-write fallback off
// (QConfFileSettingsPrivate::syncConfFile, while QSettings::isAtomicSyncRequired() is true, the
// default), so they are all or nothing already; their path is Qt's own, never the user's.

#include <QByteArray>
#include <QImage>
#include <QString>
#include <optional>

namespace shufflescope::ui {

// Writes `bytes` to `path`. nullopt when written; otherwise why not, as a clause for
// cannotWriteMessage ("the disk is full (No space left on device)", "is a named pipe (FIFO), not
// a regular file: refusing to write over it").
std::optional<QString> writeFileAllOrNothing(const QString& path, const QByteArray& bytes);

// The one sentence for a file the app could not write, in the interface language:
// "Cannot write 'PATH': REASON".
QString cannotWriteMessage(const QString& path, const QString& reason);

// writeFileAllOrNothing with its reason made into that sentence: nullopt when written.
std::optional<QString> writeOrMessage(const QString& path, const QByteArray& bytes);

// `image` encoded in memory as `format` ("PNG"), for writeOrMessage; nullopt when it cannot be
// (a null image, a format this build of Qt cannot write).
std::optional<QByteArray> encodeImage(const QImage& image, const char* format);

}  // namespace shufflescope::ui
