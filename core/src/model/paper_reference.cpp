#include "shufflescope/model/paper_reference.h"

namespace shufflescope {

std::optional<PaperTable1Row> paperTable1(int groups) {
    static constexpr PaperTable1Row rows[] = {{1, {144, 288, 576}, 143},
                                              {2, {200, 400, 800}, 140},
                                              {3, {240, 480, 960}, 137},
                                              {4, {272, 544, 1088}, 133},
                                              {8, {384, 768, 1536}, 137}};
    for (const PaperTable1Row& row : rows)
        if (row.groups == groups) return row;
    return std::nullopt;
}

namespace {
int groupColumn(int groups) {
    switch (groups) {
        case 1:
            return 0;
        case 2:
            return 1;
        case 3:
            return 2;
        case 4:
            return 3;
        case 8:
            return 4;
        default:
            return -1;
    }
}
}  // namespace

std::optional<double> paperTopOneError(int groups, double widthScale) {
    static constexpr double errors[3][5] = {{33.6, 32.7, 32.6, 32.8, 32.4},   // 1x
                                            {45.1, 44.4, 43.2, 41.6, 42.3},   // 0.5x
                                            {57.1, 56.8, 55.0, 54.2, 52.7}};  // 0.25x
    const int column = groupColumn(groups);
    const int row = widthScale == 1.0 ? 0 : widthScale == 0.5 ? 1 : widthScale == 0.25 ? 2 : -1;
    if (column < 0 || row < 0) return std::nullopt;
    return errors[row][column];
}

std::optional<ShuffleAblation> paperShuffleAblation(int groups, double widthScale) {
    if (groups == 3) {
        if (widthScale == 1.0) return ShuffleAblation{34.5, 32.6};
        if (widthScale == 0.5) return ShuffleAblation{45.7, 43.2};
        if (widthScale == 0.25) return ShuffleAblation{56.3, 55.0};
    }
    if (groups == 8) {
        if (widthScale == 1.0) return ShuffleAblation{37.6, 32.4};
        if (widthScale == 0.5) return ShuffleAblation{48.1, 42.3};
        if (widthScale == 0.25) return ShuffleAblation{56.5, 52.7};
    }
    return std::nullopt;
}

}  // namespace shufflescope
