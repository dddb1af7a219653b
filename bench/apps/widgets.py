"""The widget-heavy page: every input widget htst has, five of each (keyed, so ids are
unique), and one markdown line echoing the "Level" slider.

The bench moves "Level" (the first range input on the page) and expects the echo line and
the slider itself to change, nothing else. Issue 3; figures in BENCHMARKS.md.
"""

import datetime as dt

import htst as st

level = st.slider("Level", 0, 100, 50, key="level")
st.markdown(f"The level is **{level}**.")

OPTIONS = ["alpha", "beta", "gamma", "delta", "epsilon"]
DAY = dt.date(2024, 6, 1)

for i in range(5):
    st.subheader(f"Group {i + 1}")
    st.button(f"Button {i}", key=f"button{i}")
    st.checkbox(f"Checkbox {i}", key=f"checkbox{i}")
    st.toggle(f"Toggle {i}", key=f"toggle{i}")
    st.radio(f"Radio {i}", OPTIONS, key=f"radio{i}", horizontal=True)
    st.selectbox(f"Selectbox {i}", OPTIONS, key=f"selectbox{i}")
    if i:  # "Level" is the fifth single slider
        st.slider(f"Slider {i}", 0.0, 1.0, 0.5, key=f"slider{i}")
    st.slider(f"Range {i}", 0, 100, (20, 80), key=f"range{i}")
    st.select_slider(f"Select slider {i}", OPTIONS, "gamma", key=f"select_slider{i}")
    st.select_slider(f"Select range {i}", OPTIONS, ("beta", "delta"), key=f"select_range{i}")
    st.multiselect(f"Multiselect {i}", OPTIONS, ["alpha"], key=f"multiselect{i}")
    st.number_input(f"Number {i}", 0, 1000, 10 * i, key=f"number{i}")
    st.text_input(f"Text {i}", f"text {i}", key=f"text{i}")
    st.text_area(f"Text area {i}", f"line one\nline two {i}", key=f"text_area{i}")
    st.date_input(f"Date {i}", DAY + dt.timedelta(days=i), key=f"date{i}")
    st.date_input(f"Date range {i}", (DAY, DAY + dt.timedelta(days=7 + i)), key=f"date_range{i}")
    st.time_input(f"Time {i}", dt.time(9, 15 * (i % 4)), key=f"time{i}")
    st.color_picker(f"Colour {i}", "#3366CC", key=f"colour{i}")
    st.pills(f"Pills {i}", OPTIONS, key=f"pills{i}")
    st.segmented_control(f"Segmented {i}", OPTIONS[:3], key=f"segmented{i}")
    st.feedback(["thumbs", "faces", "stars", "thumbs", "faces"][i], key=f"feedback{i}")
    st.file_uploader(f"Upload {i}", type=["txt", "csv"], key=f"upload{i}")
    st.download_button(f"Download {i}", f"col\n{i}\n".encode(), file_name=f"data{i}.csv", key=f"download{i}")
    st.chat_input(f"Message {i}", key=f"chat{i}")
