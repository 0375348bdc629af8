#!/usr/bin/env bash
# Makes the illustrative video guide of the sample catalog, and the tiny media files of the test fixture,
# from text slides, with Debian's ffmpeg (apt-get install ffmpeg fonts-dejavu-core). Nothing is downloaded.
#
#   tests/media/make_sample_video.sh            the sample guide for "Thủ tục đăng ký khai sinh" (1.001193):
#                                               catalog/media/so-tu-phap/dang-ky-khai-sinh-minh-hoa.{webm,vi.vtt,jpg}
#   tests/media/make_sample_video.sh --fixture  the files the validate tests point at:
#                                               tests/fixtures/mini/media/ubnd-xa-an-binh/mau.{webm,vi.vtt,jpg}
#                                               and the wrong containers of two validate cases (tests/bad/133-…, 134-…):
#                                               an MP4 and an MKV, each named .webm
#
# The guide is 20 s of four slides at 640×360, 10 frames a second, VP9 with a silent Opus track (WebM: Debian's
# Chromium has no H.264), well under 1 MB; its words are in the Vietnamese captions (WebVTT), written here too.
# It is marked "minh họa" (illustrative) on every slide, in its first caption and in its title in the catalog.
# The output is bit-exact for a given ffmpeg: run it again after changing a slide or a caption, and commit.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
command -v ffmpeg > /dev/null || { echo "cần ffmpeg: apt-get install ffmpeg" >&2; exit 1; }
bold=$(fc-match -f '%{file}' 'DejaVu Sans:bold')
regular=$(fc-match -f '%{file}' 'DejaVu Sans')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
exact=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)

# drawtext for one slide: $1 start, $2 end, $3 title, $4 body (lines separated by \n)
slide() {
  local n=$1
  printf '%s' "$4" > "$tmp/title$n.txt"
  printf '%b' "$5" > "$tmp/body$n.txt"
  printf "drawtext=fontfile=%s:textfile=%s:fontsize=34:fontcolor=white:x=40:y=100-max_glyph_a:enable='between(t,%s,%s)'," \
    "$bold" "$tmp/title$n.txt" "$2" "$3"
  printf "drawtext=fontfile=%s:textfile=%s:fontsize=23:line_spacing=10:fontcolor=white:x=40:y=155-max_glyph_a:enable='between(t,%s,%s)'," \
    "$regular" "$tmp/body$n.txt" "$2" "$3"
}

sample() {
  local out="$repo/catalog/media/so-tu-phap" name=dang-ky-khai-sinh-minh-hoa
  mkdir -p "$out"
  printf 'VIDEO MINH HỌA' > "$tmp/badge.txt"
  local filters
  filters="drawbox=x=0:y=0:w=iw:h=8:color=0xf2a900:t=fill,"
  filters+="drawtext=fontfile=$bold:textfile=$tmp/badge.txt:fontsize=16:fontcolor=0x0b3d91:box=1:boxcolor=0xf2a900:boxborderw=6:x=w-text_w-22:y=22,"
  filters+=$(slide 1 0 5 "Đăng ký khai sinh" "Hướng dẫn minh họa cho người dân\nKhông phải văn bản chính thức")
  filters+=$(slide 2 5 10 "1. Chuẩn bị giấy tờ" "• Tờ khai đăng ký khai sinh\n• Giấy chứng sinh của trẻ")
  filters+=$(slide 3 10 15 "2. Nộp hồ sơ" "• Bộ phận Một cửa UBND xã\n• hoặc trực tuyến: Cổng Dịch vụ công\n  quốc gia, ứng dụng VNeID")
  filters+=$(slide 4 15 20 "3. Nhận Giấy khai sinh" "• Ngay trong ngày tiếp nhận\n• Đúng hạn: miễn lệ phí")
  ffmpeg -v error -y -f lavfi -i "color=c=0x0b3d91:s=640x360:r=10:d=20" -f lavfi -i "anullsrc=channel_layout=mono:sample_rate=48000" \
    -filter_complex "[0:v]${filters%,}[v]" -map "[v]" -map 1:a -t 20 \
    -c:v libvpx-vp9 -b:v 0 -crf 42 -g 50 -deadline good -cpu-used 2 -row-mt 0 -threads 1 -pix_fmt yuv420p \
    -c:a libopus -b:a 6k -ac 1 "${exact[@]}" "$out/$name.webm"
  ffmpeg -v error -y -ss 1 -i "$out/$name.webm" -frames:v 1 -q:v 5 "${exact[@]}" "$out/$name.jpg"
  cat > "$out/$name.vi.vtt" <<'VTT'
WEBVTT

NOTE Phụ đề của video minh họa trong danh mục mẫu; sinh cùng video bởi tests/media/make_sample_video.sh

1
00:00:00.300 --> 00:00:04.800
Video minh họa: hướng dẫn đăng ký khai sinh
cho trẻ mới sinh.

2
00:00:05.000 --> 00:00:07.400
Bước 1: chuẩn bị Tờ khai đăng ký khai sinh

3
00:00:07.500 --> 00:00:09.800
và Giấy chứng sinh của trẻ.

4
00:00:10.000 --> 00:00:12.400
Bước 2: nộp hồ sơ tại Bộ phận Một cửa
của Ủy ban nhân dân xã,

5
00:00:12.500 --> 00:00:14.800
hoặc nộp trực tuyến trên Cổng Dịch vụ công
quốc gia, ứng dụng VNeID.

6
00:00:15.000 --> 00:00:17.400
Bước 3: nhận Giấy khai sinh ngay trong ngày.

7
00:00:17.500 --> 00:00:19.800
Đăng ký đúng hạn được miễn lệ phí.
VTT
  ls -l "$out"
}

fixture() {
  local out="$repo/tests/fixtures/mini/media/ubnd-xa-an-binh"
  local mp4="$repo/tests/bad/133-video-mp4-content-with-a-webm-name/catalog/media/ubnd-xa-an-binh"
  local mkv="$repo/tests/bad/134-video-content-not-webm/catalog/media/ubnd-xa-an-binh"
  mkdir -p "$out" "$mp4" "$mkv"
  ffmpeg -v error -y -f lavfi -i "color=c=0x0b3d91:s=160x90:r=5:d=2" -f lavfi -i "anullsrc=channel_layout=mono:sample_rate=48000" \
    -map 0:v -map 1:a -t 2 -c:v libvpx-vp9 -b:v 0 -crf 50 -c:a libopus -b:a 6k -ac 1 "${exact[@]}" "$out/mau.webm"
  ffmpeg -v error -y -i "$out/mau.webm" -frames:v 1 -q:v 8 "${exact[@]}" "$out/mau.jpg"
  ffmpeg -v error -y -f lavfi -i "color=c=0x0b3d91:s=160x90:r=5:d=1" -c:v mpeg4 -q:v 20 "${exact[@]}" -f mp4 "$mp4/huong-dan.webm"
  ffmpeg -v error -y -f lavfi -i "color=c=0x0b3d91:s=160x90:r=5:d=1" -c:v libvpx-vp9 -crf 50 "${exact[@]}" -f matroska "$mkv/ban-quay-man-hinh.webm"
  printf 'WEBVTT\n\n00:00.000 --> 00:01.000\nCâu thứ nhất.\n\n00:01.000 --> 00:02.000\nCâu thứ hai.\n' > "$out/mau.vi.vtt"
  ls -l "$out" "$mp4" "$mkv"
}

if [ "${1:-}" = "--fixture" ]; then fixture; else sample; fi
