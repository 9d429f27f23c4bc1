#include "export/file_output.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <string>
#include <string_view>

#include "shufflescope/base/atomic_file.h"
#include "shufflescope/base/error.h"

namespace shufflescope::ui {

std::optional<QString> writeFileAllOrNothing(const QString& path, const QByteArray& bytes) {
    try {
        // The file system's own spelling of the name (QFile::encodeName), not UTF-8 by guess.
        writeFileAtomically(QFile::encodeName(path).toStdString(),
                            std::string_view(bytes.constData(), std::size_t(bytes.size())));
        return std::nullopt;
    } catch (const FileError& e) {
        // The caller's sentence already says "Cannot write"; the clause after it is the reason.
        std::string reason = e.problem();
        constexpr std::string_view kPrefix = "cannot write: ";
        if (reason.rfind(kPrefix, 0) == 0) reason.erase(0, kPrefix.size());
        return QString::fromStdString(reason);
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
}

QString cannotWriteMessage(const QString& path, const QString& reason) {
    return QCoreApplication::translate("FileOutput", "Cannot write '%1': %2").arg(path, reason);
}

std::optional<QString> writeOrMessage(const QString& path, const QByteArray& bytes) {
    if (const std::optional<QString> reason = writeFileAllOrNothing(path, bytes))
        return cannotWriteMessage(path, *reason);
    return std::nullopt;
}

std::optional<QByteArray> encodeImage(const QImage& image, const char* format) {
    if (image.isNull()) return std::nullopt;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format)) return std::nullopt;
    return bytes;
}

}  // namespace shufflescope::ui
