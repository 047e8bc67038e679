# S002-restart: restartPolicy Never, Always and OnFailure with a container that exits 0 or 1 after 30 seconds
# zh: 容器 30 秒后以 0 或 1 退出时，restartPolicy 为 Never、Always、OnFailure 的不同表现
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: startpolicy-never
  name: startpolicy-never
spec:
  restartPolicy: Never
  containers:
  - name: startpolicy
    image: busybox:1.28
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy;
EOF
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: startpolicy-always
  name: startpolicy-always
spec:
  restartPolicy: Always
  containers:
  - name: startpolicy
    image: busybox:1.28
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy;
EOF
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: startpolicy-onfailure
  name: startpolicy-onfailure
spec:
  restartPolicy: OnFailure
  containers:
  - name: startpolicy
    image: busybox:1.28
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy;
EOF
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: startpolicy-onfailure-unnormal
  name: startpolicy-onfailure-unnormal
spec:
  restartPolicy: OnFailure
  containers:
  - name: startpolicy
    image: busybox:1.28
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; exit 1
EOF
sleep 45
kubectl get pod -o wide
kubectl describe pod startpolicy-never
kubectl describe pod startpolicy-onfailure
# 11 minutes after creation, as in the seed's `watch kubectl get pod -o wide`.
sleep 615
kubectl get pod -o wide
kubectl describe pod startpolicy-always
kubectl describe pod startpolicy-onfailure-unnormal
