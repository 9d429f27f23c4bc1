// The checks and messages every image decoder shares (image_decode.h): the decoded size limit and
// the refusals, worded the same way whichever format the file is.

#include <sstream>
#include <string>

#include "image_decode.h"
#include "shufflescope/base/error.h"
#include "shufflescope/io/image_input.h"

namespace shufflescope::image_decode {

namespace {

std::string formatGiB(double bytes) {
    std::ostringstream text;
    text.setf(std::ios::fixed);
    text.precision(1);
    text << bytes / double(1LL << 30) << " GiB";
    return text.str();
}

std::string sizeText(long long width, long long height) {
    return std::to_string(width) + " x " + std::to_string(height) + " pixels";
}

}  // namespace

void checkDecodedSize(const std::string& context, long long width, long long height, int channels) {
    if (width < 1 || height < 1) {
        throw Error(context + ": the header gives an image of " + sizeText(width, height) +
                    "; both sides must be at least 1");
    }
    // In double: width and height may each be near 2^32, and their product times the channels
    // would overflow 64-bit integers; the limit is far from where double loses precision.
    const double bytesNeeded = double(width) * double(height) * double(channels);
    if (bytesNeeded > double(kMaxDecodedImageBytes)) {
        throw Error(context + ": image is " + sizeText(width, height) +
                    "; decoding it would need " + formatGiB(bytesNeeded) + " (limit " +
                    std::to_string(kMaxDecodedImageBytes >> 30) + " GiB)");
    }
}

void refuseImplausibleSize(const std::string& context, const char* format, long long width,
                           long long height, std::size_t fileSize, const std::string& bound) {
    throw Error(context + ": the header claims " + sizeText(width, height) + ", more than a " +
                std::to_string(fileSize) + "-byte " + format + " file can describe (" + bound +
                "); the file is damaged or truncated");
}

void refuseUnreadable(const std::string& context, const char* format, const std::string& detail) {
    throw Error(context + ": not a readable image (" + format + ": " + detail + ")");
}

}  // namespace shufflescope::image_decode
