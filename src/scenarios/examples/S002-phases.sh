# S002-phases: one Pod in each phase (Pending, Running, Succeeded, Failed) and the container state behind it
# zh: 每个阶段（Pending、Running、Succeeded、Failed）各一个 Pod，并查看其背后的容器状态（Waiting、Running、Terminated）
kubectl run phase-running --image=busybox:1.28 -- sleep 3600
kubectl run phase-succeeded --image=busybox:1.28 --restart=Never -- sh -c "sleep 5"
kubectl run phase-failed --image=busybox:1.28 --restart=Never -- sh -c "sleep 5; exit 1"
# A tag that does not exist: the image is never pulled, so the pod stays Pending.
kubectl run phase-pending --image=busybox:no-such-tag -- sleep 3600
kubectl get pods
sleep 20
kubectl get pods
kubectl get pods -o custom-columns=NAME:.metadata.name,PHASE:.status.phase
kubectl describe pod phase-pending
kubectl describe pod phase-running
kubectl describe pod phase-succeeded
kubectl describe pod phase-failed
